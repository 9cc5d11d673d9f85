import { TWO_DISKS, type Lesson } from "../lesson.ts";

const KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

/** crypt: plaintext above, ciphertext on the disk. */
export const crypt: Lesson = {
  id: "crypt",
  title: "crypt: what is on the disk",
  summary: "Write text through dm-crypt, then read the disk under it: the same sectors, encrypted.",
  setup: [TWO_DISKS],
  steps: [
    {
      title: "An encrypted device",
      text: `\`crypt aes-xts-plain64 <key> 0 /dev/ram0 0\`: AES in XTS mode, the IV is the sector number. The key is in the table (\`dmsetup table\` hides it; \`--showkeys\` shows it).`,
      commands: [
        `dmsetup create sec --table '0 8192 crypt aes-xts-plain64 ${KEY} 0 /dev/ram0 0'`,
        "dmsetup table sec",
      ],
      focus: { panel: "stack", device: "sec" },
      check: {
        text: "sec is a crypt device on ram0",
        test: (w) => w.liveTypes("sec").join() === "crypt" && w.uses("sec", "ram0"),
      },
    },
    {
      title: "Write plaintext",
      text: `Write a sector of text through sec. The write that reaches ram0 carries ciphertext: crypt encrypts each sector before sending it down.`,
      commands: [
        "printf 'attack at dawn! attack at dawn!\\n' | dd of=/dev/mapper/sec bs=512 conv=sync oflag=direct",
      ],
      focus: { panel: "stack", device: "sec" },
      check: {
        text: "a write through sec reached ram0",
        test: (w) =>
          w.issued("sec", "WRITE").some((b) => b.status === "OK") &&
          w.remapsOnto("ram0").some((b) => b.op === "WRITE"),
      },
    },
    {
      title: "Read the disk itself",
      text: `Read sector 0 of ram0, under the crypt device: random-looking bytes. Read it through sec: the text again. Same sectors, the key makes the difference.`,
      commands: [
        "dd if=/dev/ram0 bs=512 count=1 iflag=direct 2>/dev/null | hexdump -C | head -2",
        "dd if=/dev/mapper/sec bs=512 count=1 iflag=direct 2>/dev/null | head -c 32; echo",
      ],
      focus: { panel: "views", view: "disks", device: "ram0" },
      check: {
        text: "ram0 was read directly, and sec was read",
        test: (w) => w.issued("ram0", "READ").length >= 1 && w.issued("sec", "READ").length >= 1,
      },
    },
  ],
};
