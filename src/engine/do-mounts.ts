/**
 * name_to_dev_t (init/do_mounts.c, 6.1.192): what dm_get_dev_t falls back to when a table's
 * device argument is neither "major:minor" nor a path lookup_bdev finds. Linux's boot code reads
 * "root=" with it, and device-mapper inherited its forms:
 *
 * - not starting with "/dev/": "maj:min" or "maj:min:offset[...]" (a device number), else the
 *   whole word as a HEX encoded dev_t (`new_decode_dev`): "100" is 1:0 (/dev/ram0), "abc" is
 *   10:188, "8193" is 129:147; anything not entirely hex digits is no device;
 * - "/dev/nfs", "/dev/cifs", "/dev/ram": Root_NFS (0:255), Root_CIFS (0:254), Root_RAM0 (1:0);
 * - any other "/dev/NAME": a disk called NAME (found by the path lookup already here).
 *
 * The result is a device number, or null for "no device" (dm_get_device then fails with ENODEV;
 * a number nothing has fails with ENXIO when it is opened).
 */

/** MKDEV's limits: 12 bits of major, 20 of minor. */
const MINORBITS = 20;

/** new_decode_dev: the 32-bit userspace encoding of a device number. */
function newDecodeDev(dev: number): { major: number; minor: number } {
  const major = (dev & 0xfff00) >>> 8;
  const minor = (dev & 0xff) | ((dev >>> 12) & 0xfff00);
  return { major, minor };
}

/** MKDEV keeps the numbers: else name_to_dev_t fails. */
function fits(major: number, minor: number): boolean {
  return major < 1 << 12 && minor < 1 << MINORBITS;
}

/** name_to_dev_t(name): a device number, or null for none (Linux's 0). */
export function nameToDevT(name: string): { major: number; minor: number } | null {
  if (!name.startsWith("/dev/")) {
    // sscanf(name, "%u:%u%c") == 2 || sscanf(name, "%u:%u:%u:%c") == 3
    const two = /^(\d+):(\d+)$/.exec(name);
    const three = /^(\d+):(\d+):\d+(?!:.)/.exec(name);
    const mm = two ?? three;
    if (mm) {
      const major = Number(mm[1]);
      const minor = Number(mm[2]);
      return fits(major, minor) ? { major, minor } : null;
    }
    // simple_strtoul(name, &p, 16) with *p required to be the end: "0x" is skipped only before a
    // hex digit; the value wraps at 64 bits, then new_decode_dev takes its low 32.
    const m = /^(?:0[xX](?=[0-9a-fA-F]))?([0-9a-fA-F]+)$/.exec(name);
    if (!m) return null;
    const digits = m[1]!;
    const low = Number(BigInt(`0x${digits}`) & 0xffffffffn);
    const d = newDecodeDev(low);
    return d.major === 0 && d.minor === 0 ? null : d;
  }
  const rest = name.slice(5);
  if (rest === "nfs") return { major: 0, minor: 255 };
  if (rest === "cifs") return { major: 0, minor: 254 };
  if (rest === "ram") return { major: 1, minor: 0 };
  return null;
}
