/**
 * Finding LZ4 frames in a ROM. The candidate test is the 4-byte frame magic; a candidate then
 * decodes only if the whole frame parses: descriptor with its header checksum, every block, the
 * end mark, and the block and content checksums and content size the frame carries. That is the
 * evidence, so every frame that decodes is 'strong' (32 bits of magic and 8 of header checksum
 * alone leave one chance in 2^40 per offset); the reasons list what was verified.
 */
import type { CodecProbe } from '../types';
import { FLG_BLOCK_CHECKSUM, FLG_BLOCK_INDEPENDENT, FLG_CONTENT_CHECKSUM, FLG_CONTENT_SIZE } from './frame';

export const lz4Probe: CodecProbe = {
  candidate(src, offset) {
    return src[offset] === 0x04 && src[offset + 1] === 0x22 && src[offset + 2] === 0x4d && src[offset + 3] === 0x18;
  },
  judge(src, offset, consumed, decoded) {
    const flg = src[offset + 4]!;
    const reasons = ['frame magic 04 22 4D 18', 'header checksum verified'];
    if (flg & FLG_CONTENT_CHECKSUM) reasons.push('content checksum verified');
    if (flg & FLG_BLOCK_CHECKSUM) reasons.push('block checksums verified');
    if (flg & FLG_CONTENT_SIZE) reasons.push('content size matches');
    reasons.push(`${flg & FLG_BLOCK_INDEPENDENT ? 'independent' : 'linked'} blocks, ${consumed}-byte frame, ${decoded.length} bytes decoded`);
    return { confidence: 'strong', reasons };
  },
};
