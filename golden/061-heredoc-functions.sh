# heredoc tables, shell functions, variables inside heredocs
modprobe brd rd_nr=2 rd_size=4096
DISK=/dev/ram0
dmsetup create hd <<EOF2
0 1024 linear $DISK 0
1024 1024 linear /dev/ram1 $((2 * 512))
EOF2
echo rc=$?
dmsetup table hd
mklinear() {
  name=$1; dev=$2; start=$3; len=$4
  echo "0 $len linear $dev $start" | dmsetup create "$name"
  echo "created $name: $(dmsetup table "$name")"
}
mklinear f1 /dev/ram0 2048 512
mklinear f2 /dev/ram1 4096 1024
show() {
  for d in "$@"; do
    printf '%-4s %s\n' "$d" "$(blockdev --getsz /dev/mapper/$d)"
  done
}
show hd f1 f2
count_targets() { dmsetup table "$1" | wc -l; }
echo "hd has $(count_targets hd) targets"
cat <<'EOT'
literal $DISK $((1+1))
EOT
dmsetup load f1 <<EOT
0 256 zero
EOT
dmsetup resume f1
dmsetup table f1
