/**
 * crc32c (lib/libcrc32c.c, crypto/crc32c_generic.c): the Castagnoli CRC, reflected polynomial
 * 0x82F63B78, table-driven. No crc32c package is installed in this project, so this is a small
 * one of its own (tested against the RFC 3720 vectors in crc32c.test.ts).
 *
 * As the kernel's `crc32c(seed, data, len)`, the seed is the running CRC and nothing is
 * inverted: the standard CRC-32C of `data` is `crc32c(0xffffffff, data) ^ 0xffffffff`.
 */

const TABLE = ((): Uint32Array => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** crc32c(seed, data, len): the CRC register after `data`, from `seed` (u32). */
export function crc32c(seed: number, data: Uint8Array, start = 0, end = data.length): number {
  let c = seed >>> 0;
  for (let i = start; i < end; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}
