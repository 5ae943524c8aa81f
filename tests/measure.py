#!/usr/bin/env python3
"""measure.py REPORT COMMAND... — runs COMMAND, writes "SECONDS PEAK_KB
CPU_SECONDS" (wall time, peak resident memory, user + system time of the
command) to REPORT and exits with the command's status (128 + signal when it
was killed). CPU time is the steadier figure on a shared machine."""
import resource
import subprocess
import sys
import time


def main():
    report, command = sys.argv[1], sys.argv[2:]
    start = time.monotonic()
    status = subprocess.run(command).returncode
    seconds = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(report, "w") as f:
        f.write(f"{seconds:.2f} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime:.2f}\n")
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
