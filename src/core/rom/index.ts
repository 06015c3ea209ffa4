export * from './address';
export * from './checksum';
export * from './copier-header';
export * from './detect';
export * from './header';
export * from './mapping';
export * from './rom';
export { AddressError, RomLoadError } from '../errors';
