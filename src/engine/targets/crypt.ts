/**
 * crypt: transparent encryption of a range of another device, sector by sector.
 *
 *     <start> <length> crypt <cipher> <key> <iv_offset> <dev> <offset> [<#opt_params> <opt>...]
 *
 * <cipher> is the old-style "cipher-chainmode-ivmode[:ivopts]": here aes with cbc, ecb or xts,
 * and the IV generators plain, plain64, plain64be, null and essiv:<sha256|sha1>. <key> is hex.
 * The IV of a sector is iv_offset + its offset in the target. Writes are encrypted into a bounce
 * buffer before they go down; reads are decrypted in end_io. Status INFO is empty; TABLE is
 * "<cipher> <key hex> <iv_offset> <major:minor> <offset>" (dmsetup masks the key unless
 * --showkeys). (drivers/md/dm-crypt.c)
 */

import { cbc, ecb } from "@noble/ciphers/aes.js";
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { Bio } from "../bio.ts";
import { ctrError, defineTarget, parseU32, parseU64, type DmDev, type Target } from "../target.ts";
import { DmError } from "../types.ts";

const SECTOR = 512;

type IvMode = "plain" | "plain64" | "plain64be" | "null" | "essiv" | null;

interface CryptC {
  cipherString: string;
  key: Uint8Array;
  chain: "cbc" | "ecb" | "xts";
  ivMode: IvMode;
  /** ESSIV: the key for encrypting the sector number (a hash of the volume key). */
  essivKey: Uint8Array | null;
  ivOffset: number;
  dev: DmDev;
  start: number;
  /** The optional parameters' effects (crypt_ctr_optional). */
  opts: CryptOpts;
  /** DM_CRYPT_KEY_VALID: cleared by `key wipe`, set by `key set`; preresume requires it. */
  keyValid: boolean;
  /** DM_CRYPT_SUSPENDED: between postsuspend and resume; key messages require it. */
  suspended: boolean;
}

/** Feature flags and the encryption sector size, as crypt_ctr_optional sets them. */
interface CryptOpts {
  allowDiscards: boolean;
  sameCpuCrypt: boolean;
  submitFromCryptCpus: boolean;
  noReadWorkqueue: boolean;
  noWriteWorkqueue: boolean;
  /** Bytes per encryption unit: 512 to 4096, a power of two. */
  sectorSize: number;
  /** CRYPT_IV_LARGE_SECTORS: IVs count sector_size units, not 512-byte sectors. */
  ivLargeSectors: boolean;
}

const HASHES: Record<string, (m: Uint8Array) => Uint8Array> = { sha256, sha1 };

function parseHexKey(s: string): Uint8Array | null {
  if (s === "-") return new Uint8Array(0);
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) return null;
  const k = new Uint8Array(s.length / 2);
  for (let i = 0; i < k.length; i++) k[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return k;
}

/** The 16-byte IV of `sector`. */
function ivFor(cc: CryptC, sector: number): Uint8Array {
  const iv = new Uint8Array(16);
  const v = new DataView(iv.buffer);
  switch (cc.ivMode) {
    case "plain":
      v.setUint32(0, sector >>> 0, true);
      break;
    case "plain64":
    case "essiv":
      v.setBigUint64(0, BigInt(sector), true);
      break;
    case "plain64be":
      v.setBigUint64(8, BigInt(sector), false);
      break;
    default:
      break;
  }
  if (cc.ivMode === "essiv") return ecb(cc.essivKey!, { disablePadding: true }).encrypt(iv);
  return iv;
}

/** Multiply the XTS tweak by x in GF(2^128) (little-endian, as IEEE P1619). */
function gfMulX(t: Uint8Array): void {
  let carry = 0;
  for (let i = 0; i < 16; i++) {
    const b = t[i]!;
    t[i] = ((b << 1) | carry) & 0xff;
    carry = b >> 7;
  }
  if (carry) t[0]! ^= 0x87;
}

function xts(cc: CryptC, sector: number, data: Uint8Array, encrypt: boolean): Uint8Array {
  const half = cc.key.length / 2;
  const k1 = cc.key.subarray(0, half);
  const k2 = cc.key.subarray(half);
  const tweak = ecb(k2, { disablePadding: true }).encrypt(ivFor(cc, sector));
  const buf = new Uint8Array(data.length);
  const tweaks = new Uint8Array(data.length);
  for (let off = 0; off < data.length; off += 16) {
    tweaks.set(tweak, off);
    gfMulX(tweak);
  }
  for (let i = 0; i < data.length; i++) buf[i] = data[i]! ^ tweaks[i]!;
  const c = ecb(k1, { disablePadding: true });
  const out = encrypt ? c.encrypt(buf) : c.decrypt(buf);
  for (let i = 0; i < out.length; i++) out[i]! ^= tweaks[i]!;
  return out;
}

/** Encrypt or decrypt one 512-byte sector. */
function cryptSector(cc: CryptC, sector: number, data: Uint8Array, encrypt: boolean): Uint8Array {
  switch (cc.chain) {
    case "xts":
      return xts(cc, sector, data, encrypt);
    case "cbc": {
      const c = cbc(cc.key, ivFor(cc, sector), { disablePadding: true });
      return encrypt ? c.encrypt(data) : c.decrypt(data);
    }
    case "ecb": {
      const c = ecb(cc.key, { disablePadding: true });
      return encrypt ? c.encrypt(data) : c.decrypt(data);
    }
  }
}

/**
 * Transform a bio's payload one encryption unit (`sector_size` bytes) at a time; `first` is the
 * 512-byte sector number (iv_offset included) of its first byte. As crypt_convert_block_skcipher:
 * the IV sector advances by sector_size / 512 per unit, or by one with iv_large_sectors.
 */
function cryptBuffer(
  cc: CryptC,
  first: number,
  src: Uint8Array,
  dst: Uint8Array,
  encrypt: boolean,
): void {
  const unit = cc.opts.sectorSize;
  const shift = Math.log2(unit / SECTOR);
  for (let off = 0, s = first; off < src.length; off += unit, s += unit / SECTOR) {
    const iv = cc.opts.ivLargeSectors ? Math.floor(s / 2 ** shift) : s;
    dst.set(cryptSector(cc, iv, src.subarray(off, off + unit), encrypt), off);
  }
}

/** The ESSIV digest named in an old-style cipher spec ("aes-cbc-essiv:sha256" -> "sha256"). */
function essivDigest(spec: string): string {
  return spec.slice(spec.indexOf(":") + 1);
}

/** crypt_ctr_optional: `<#opt_params> <opt>...` after the five required arguments. */
function parseOptional(t: Target<CryptC>, args: string[]): CryptOpts {
  const opts: CryptOpts = {
    allowDiscards: false,
    sameCpuCrypt: false,
    submitFromCryptCpus: false,
    noReadWorkqueue: false,
    noWriteWorkqueue: false,
    sectorSize: SECTOR,
    ivLargeSectors: false,
  };
  if (args.length === 0) return opts;
  // dm_read_arg_group with {0, 8, "Invalid number of feature args"}.
  const n = parseU32(args[0]!);
  if (n === null || n > 8 || n > args.length - 1) ctrError("Invalid number of feature args");
  for (let i = 1; i <= n; i++) {
    const o = args[i]!;
    const lower = o.toLowerCase();
    let m: RegExpExecArray | null;
    if (lower === "allow_discards") opts.allowDiscards = true;
    else if (lower === "same_cpu_crypt") opts.sameCpuCrypt = true;
    else if (lower === "submit_from_crypt_cpus") opts.submitFromCryptCpus = true;
    else if (lower === "no_read_workqueue") opts.noReadWorkqueue = true;
    else if (lower === "no_write_workqueue") opts.noWriteWorkqueue = true;
    else if (/^integrity:[0-9]+:/.test(o)) ctrError("Invalid integrity arguments");
    else if ((m = /^sector_size:([0-9]+)$/.exec(o))) {
      // sscanf "%hu": the value wraps to 16 bits.
      const v = Number(BigInt(m[1]!) & 0xffffn);
      if (v < SECTOR || v > 4096 || (v & (v - 1)) !== 0)
        ctrError("Invalid feature value for sector_size");
      if (t.len % (v / SECTOR) !== 0)
        ctrError("Device size is not multiple of sector_size feature");
      opts.sectorSize = v;
    } else if (lower === "iv_large_sectors") opts.ivLargeSectors = true;
    else ctrError("Invalid feature arguments");
  }
  return opts;
}

/** crypt_ctr_cipher_old: "aes-cbc-essiv:sha256" and friends. */
function parseCipher(
  spec: string,
  key: Uint8Array,
  log?: (line: string) => void,
): Pick<CryptC, "chain" | "ivMode" | "essivKey"> {
  if (spec.includes("(")) ctrError("Bad cipher specification");
  const parts = spec.split("-");
  const cipher = parts[0]!;
  let chain: string | undefined = parts[1];
  const ivPart = parts.slice(2).join("-");
  let ivMode: string | undefined = ivPart ? ivPart.split(":")[0] : undefined;
  const ivOpts = ivPart.includes(":") ? ivPart.slice(ivPart.indexOf(":") + 1) : undefined;
  if (!chain || (chain === "plain" && !ivMode)) {
    chain = "cbc";
    ivMode = "plain";
  }
  if (chain !== "ecb" && !ivMode) ctrError("IV mechanism required");
  if (ivMode === "essiv" && !ivOpts) ctrError("Digest algorithm missing for ESSIV mode");
  // The kernel allocates the tfm "chain(cipher)": only AES in these modes exists here.
  if (cipher !== "aes" || !["cbc", "ecb", "xts"].includes(chain))
    ctrError("Error allocating crypto tfm", "ENOENT");
  const hash = ivMode === "essiv" ? HASHES[ivOpts!] : undefined;
  if (ivMode === "essiv" && !hash) ctrError("Error allocating crypto tfm", "ENOENT");
  const modes = ["plain", "plain64", "plain64be", "null", "essiv"];
  let mode: IvMode = null;
  if (chain === "ecb") {
    mode = null; // ECB has no IV: the kernel ignores the IV mode with a warning
  } else if (ivMode && modes.includes(ivMode)) {
    mode = ivMode as IvMode;
  } else {
    ctrError("Invalid IV mode");
  }
  const sizes = chain === "xts" ? [32, 48, 64] : [16, 24, 32];
  if (!sizes.includes(key.length)) ctrError("Error decoding and setting key");
  const essivKey = hash ? hash(key) : null;
  if (essivKey && ![16, 24, 32].includes(essivKey.length)) {
    // The essiv template sets the digest as the IV cipher's key: sha1's 20 bytes fit no AES
    // key size. Linux's testmgr has no vector for this combination and says so first.
    log?.(
      `alg: No test for essiv(${chain}(${cipher}),${ivOpts}) (essiv(${chain}(${cipher}-generic),${ivOpts}-generic))`,
    );
    ctrError("Error decoding and setting key");
  }
  return { chain: chain as CryptC["chain"], ivMode: mode, essivKey };
}

export default defineTarget<CryptC>({
  name: "crypt",
  version: [1, 24, 0],
  logPrefix: "trusted_key: ",
  ctr(t, args) {
    if (args.length < 5) ctrError("Not enough arguments");
    // Optional parameters are read before the cipher constructor, as in crypt_ctr.
    const opts = parseOptional(t, args.slice(5));
    const key = parseHexKey(args[1]!);
    if (key === null) {
      // The cipher is parsed first; a bad key is reported when it is set.
      parseCipher(args[0]!, new Uint8Array(32).subarray(0, args[0]!.includes("xts") ? 32 : 16));
      ctrError("Error decoding and setting key");
    }
    const c = parseCipher(args[0]!, key, (line) => t.printk("warn", line));
    const ivOffset = parseU64(args[2]!);
    if (ivOffset === null || ivOffset % (opts.sectorSize / SECTOR) !== 0)
      ctrError("Invalid iv_offset sector");
    let dev: DmDev;
    try {
      dev = t.getDevice(args[3]!);
    } catch (e) {
      ctrError("Device lookup failed", e instanceof DmError ? e.errno : "ENODEV");
    }
    const start = parseU64(args[4]!);
    if (start === null) {
      t.putDevice(dev);
      ctrError("Invalid device sector");
    }
    t.numFlushBios = 1;
    if (opts.allowDiscards) t.numDiscardBios = 1;
    t.private = {
      cipherString: args[0]!,
      key,
      ...c,
      ivOffset,
      dev,
      start,
      opts,
      keyValid: true,
      suspended: false,
    };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio: Bio) {
    const cc = t.priv;
    // Flushes and discards bypass the crypt queues.
    if (bio.isEmptyFlush || bio.op === "DISCARD") {
      bio.bdev = cc.dev.bdev;
      if (bio.sectors > 0) bio.sector = cc.start + t.offset(bio.sector);
      return "REMAPPED";
    }
    // A bio must be a whole number of aligned encryption units (the limits set in io_hints).
    const units = cc.opts.sectorSize / SECTOR;
    if (bio.sector % units !== 0 || bio.sectors % units !== 0) return "KILL";
    bio.bdev = cc.dev.bdev;
    const offset = t.offset(bio.sector);
    bio.sector = cc.start + offset;
    if (bio.op === "WRITE" && bio.data) {
      // Encrypt into a bounce buffer: the caller's pages keep the plaintext.
      const bounce = new Uint8Array(bio.data.length);
      cryptBuffer(cc, cc.ivOffset + offset, bio.data, bounce, true);
      bio.data = bounce;
    } else if (bio.op === "READ") {
      bio.perIo = cc.ivOffset + offset;
    }
    return "REMAPPED";
  },
  endIo(t, bio, status) {
    if (status === "OK" && bio.op === "READ" && bio.data && typeof bio.perIo === "number") {
      cryptBuffer(t.priv, bio.perIo, bio.data, bio.data, false);
    }
    return "DONE";
  },
  status(t, type) {
    if (type !== "TABLE") return "";
    const cc = t.priv;
    const key = cc.key.length
      ? Array.from(cc.key, (b) => b.toString(16).padStart(2, "0")).join("")
      : "-";
    // crypt_status regenerates the features in its own order; a zero count is dropped.
    const o = cc.opts;
    const features = [
      o.allowDiscards && "allow_discards",
      o.sameCpuCrypt && "same_cpu_crypt",
      o.submitFromCryptCpus && "submit_from_crypt_cpus",
      o.noReadWorkqueue && "no_read_workqueue",
      o.noWriteWorkqueue && "no_write_workqueue",
      o.sectorSize !== SECTOR && `sector_size:${o.sectorSize}`,
      o.ivLargeSectors && "iv_large_sectors",
    ].filter((f): f is string => typeof f === "string");
    const opt = features.length ? ` ${features.length} ${features.join(" ")}` : "";
    return `${cc.cipherString} ${key} ${cc.ivOffset} ${cc.dev.name} ${cc.start}${opt}`;
  },
  postsuspend(t) {
    t.priv.suspended = true;
  },
  preresume(t) {
    if (!t.priv.keyValid) {
      t.log("err", "aborting resume - crypt key is not set.");
      throw new DmError("EAGAIN");
    }
  },
  resume(t) {
    t.priv.suspended = false;
  },
  /** crypt_message: `key set <key>` and `key wipe`, only while suspended. */
  message(t, argv) {
    const cc = t.priv;
    if (argv.length >= 2 && argv[0]!.toLowerCase() === "key") {
      if (!cc.suspended) {
        t.log("warn", "not suspended during key manipulation.");
        throw new DmError("EINVAL");
      }
      if (argv.length === 3 && argv[1]!.toLowerCase() === "set") {
        // The key size may not be changed.
        const key = parseHexKey(argv[2]!);
        if (key === null || key.length !== cc.key.length) throw new DmError("EINVAL");
        cc.key = key;
        cc.essivKey = cc.ivMode === "essiv" ? HASHES[essivDigest(cc.cipherString)]!(key) : null;
        cc.keyValid = true;
        return;
      }
      if (argv.length === 2 && argv[1]!.toLowerCase() === "wipe") {
        // crypt_wipe_key: the key is gone until `key set`.
        cc.key = new Uint8Array(cc.key.length);
        cc.keyValid = false;
        return;
      }
    }
    t.log("warn", "unrecognised message received.");
    throw new DmError("EINVAL");
  },
  ioHints(t, limits) {
    const size = t.priv.opts.sectorSize;
    limits.logicalBlockSize = Math.max(limits.logicalBlockSize, size);
    limits.physicalBlockSize = Math.max(limits.physicalBlockSize, size);
    limits.ioMin = Math.max(limits.ioMin, size);
  },
  iterateDevices(t, fn) {
    fn(t.priv.dev, t.priv.start, t.len);
  },
});
