/** The sprite catalog: the project's own file, SpritePal's sprite_locations.json, bundled entries, merging. */
export * from './types';
export * from './catalog';
export * from './sprite-locations';
export * from './store';
export * from './bundled';
export * from './merge';
export * from './identity';
export * from './moves';
export * from './identity-store';
export * from './workspace-record';
