#!/usr/bin/env python3
# vankho --bench-startup prints the time from the process's start to the
# window's first frame, then quits (tests/bench/README.md). "The process's
# start" includes what happens before main(): here the child sleeps between
# fork and exec, which a clock started in main() would miss.
import os, re, subprocess, sys, tempfile, time

app = sys.argv[1]
DELAY_MS = 1500
# The kernel keeps a process's start in clock ticks (10 ms).
TICK_MS = 10

# Vietnamese writes a decimal comma; the figure keeps its point, where the
# locale is installed.
env = dict(os.environ)
names = subprocess.run(['locale', '-a'], stdout=subprocess.PIPE, text=True).stdout.split()
env['LC_ALL'] = next((n for n in names if n.lower() in ('vi_vn.utf8', 'vi_vn.utf-8')), 'C.UTF-8')

with tempfile.TemporaryDirectory() as tmp:
    start = time.monotonic()
    result = subprocess.run([app, '--bench-startup', '--library', os.path.join(tmp, 'library.db')], env=env,
                            preexec_fn=lambda: time.sleep(DELAY_MS / 1000),
                            stdout=subprocess.PIPE, text=True, timeout=60 * float(os.environ.get('VANKHO_TIMEOUT_FACTOR', '1')))
    wall_ms = (time.monotonic() - start) * 1000

match = re.fullmatch(r'app_first_frame ([0-9]+\.[0-9]) ms\n', result.stdout)
if result.returncode != 0 or match is None:
    sys.exit(f'vankho --bench-startup: exit {result.returncode}, printed {result.stdout!r}')
figure = float(match.group(1))
if not DELAY_MS <= figure <= wall_ms + 2 * TICK_MS:
    sys.exit(f'first frame {figure} ms: not between the delay before exec ({DELAY_MS} ms) '
             f'and the whole run ({wall_ms:.1f} ms)')
print(f'first frame {figure} ms, run {wall_ms:.1f} ms')
