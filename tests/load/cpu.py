"""CPU seconds used by processes, read from /proc (Linux), to show where a run's CPU went."""

import os

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid):
    with open(f"/proc/{pid}/stat") as stat:
        # The command name, in brackets, may contain spaces: fields follow the last ")".
        return stat.read().rsplit(")", 1)[1].split()


def process_cpu_seconds(pid, reaped_children=False):
    """User plus system time of `pid`; with `reaped_children`, also that of the children it
    has waited for (PostgreSQL's backends, once their connections have closed)."""
    fields = _stat(pid)
    # proc(5) fields 14-17 (utime, stime, cutime, cstime); fields[0] here is field 3.
    times = fields[11:15] if reaped_children else fields[11:13]
    return sum(int(value) for value in times) / TICKS


def tree_cpu_seconds(pid):
    """User plus system time of `pid` and of its live descendants (gunicorn's workers)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                children.setdefault(int(_stat(entry)[1]), []).append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                continue  # ended while listing
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        total += process_cpu_seconds(current)
        pending.extend(children.get(current, []))
    return total
