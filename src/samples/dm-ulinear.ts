/**
 * ulinear: dm-linear written as a user module, line for line, next to the shape of the Rust
 * for Linux device-mapper abstractions (the 2023 RFC's `TargetOperations` vtable, whose
 * sample is "C version: drivers/md/dm-linear.c"). Each operation quotes its Rust signature and
 * the C `struct target_type` member it fills.
 *
 *     <start> <length> ulinear <dev_path> <offset>
 *
 * Status INFO is empty; TABLE is "<major:minor> <offset>", which loads back as the same target.
 */

import { ctrError, defineTarget, parseU64, DmError, type DmDev } from "dm-playground";

// Rust: struct Linear { dev: TargetDevice<Self>, start: usize }
// C:    struct linear_c { struct dm_dev *dev; sector_t start; };
interface Linear {
  dev: DmDev;
  start: number;
}

// Rust: impl TargetOperations for Linear { type Private = Linear; ... }
// C:    static struct target_type linear_target = { .name = "linear", .version = {1, 4, 0}, ... };
export default defineTarget<Linear>({
  name: "ulinear",
  version: [1, 4, 0],

  // Rust: fn ctr(t: &mut Target<Self>, args: Args) -> Result<Box<Self::Private>>
  // C:    .ctr = linear_ctr   (int (*)(struct dm_target *ti, unsigned int argc, char **argv))
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count"); // ti->error = "..."; -EINVAL
    const start = parseU64(args[1]!); // sscanf(argv[1], "%llu%c", &tmp, &dummy) != 1
    if (start === null) ctrError("Invalid device sector");
    let dev: DmDev;
    try {
      dev = t.getDevice(args[0]!); // dm_get_device(ti, argv[0], dm_table_get_mode(ti->table), &lc->dev)
    } catch (e) {
      ctrError("Device lookup failed", e instanceof DmError ? e.errno : "ENODEV");
    }
    t.numFlushBios = 1; // ti->num_flush_bios = 1
    t.numDiscardBios = 1; // ti->num_discard_bios = 1
    t.numWriteZeroesBios = 1; // ti->num_write_zeroes_bios = 1
    t.private = { dev, start }; // ti->private = lc   (Rust: Ok(Box::new(Linear { dev, start })))
  },

  // Rust: fn dtr(t: &mut Target<Self>)
  // C:    .dtr = linear_dtr   (void (*)(struct dm_target *ti))
  dtr(t) {
    t.putDevice(t.priv.dev); // dm_put_device(ti, lc->dev)   (Rust: dropping TargetDevice)
  },

  // Rust: fn map(t: &mut Target<Self>, bio: Pin<&mut Bio>) -> MapState
  // C:    .map = linear_map   (int (*)(struct dm_target *ti, struct bio *bio)) -> DM_MAPIO_*
  map(t, bio) {
    const lc = t.priv;
    bio.bdev = lc.dev.bdev; // bio_set_dev(bio, lc->dev->bdev)
    if (bio.sectors > 0) bio.sector = lc.start + t.offset(bio.sector); // linear_map_sector()
    return "REMAPPED"; // DM_MAPIO_REMAPPED   (Rust: MapState::Remapped)
  },

  // Rust: fn status(t: &mut Target<Self>, type_: StatusType, flags: StatusFlags) -> Option<CString>
  // C:    .status = linear_status   (STATUSTYPE_INFO: "", STATUSTYPE_TABLE: "%s %llu")
  status(t, type) {
    return type === "TABLE" ? `${t.priv.dev.name} ${t.priv.start}` : "";
  },

  // Rust: fn iterate_devices(t: &mut Target<Self>) -> Result<Box<dyn Iterator<Item = IterDevice>>>
  // C:    .iterate_devices = linear_iterate_devices   (fn(ti, lc->dev, lc->start, ti->len, data))
  iterateDevices(t, fn) {
    fn(t.priv.dev, t.priv.start, t.len);
  },
});
