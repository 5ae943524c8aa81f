#!/usr/bin/env python3
"""measure.py REPORT COMMAND... — runs COMMAND, writes "SECONDS PEAK_KB" (wall
time, peak resident memory of the command) to REPORT and exits with the
command's status (128 + signal when it was killed)."""
import resource
import subprocess
import sys
import time


def main():
    report, command = sys.argv[1], sys.argv[2:]
    start = time.monotonic()
    status = subprocess.run(command).returncode
    seconds = time.monotonic() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(report, "w") as f:
        f.write(f"{seconds:.2f} {peak_kb}\n")
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
