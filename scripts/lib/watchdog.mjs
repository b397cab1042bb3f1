// Process-group leader that ties a command's lifetime to its starter:
//   node watchdog.mjs <starterPid> <cmd> [args...]
// Runs the command in this (detached) process group and kills the whole group as soon as the
// starter is gone. Exit handlers can't run when a runner is SIGKILLed (a CI timeout, an OOM
// kill), so without this code-server, Chromium or the sandbox could outlive it.
import { spawn } from 'node:child_process';

const [starter, cmd, ...args] = process.argv.slice(2);
const starterPid = Number(starter);
const child = spawn(cmd, args, { stdio: 'inherit' });

const killGroup = () => {
  try { process.kill(-process.pid, 'SIGKILL'); } catch { /* already gone */ }
};
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
};
const timer = setInterval(() => {
  if (!alive(starterPid)) killGroup();
}, 500);
// Forward a polite stop to the command; stopGroup signals the whole group anyway.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.once('error', (err) => {
  console.error(`cannot start ${cmd}: ${err.message}`);
  process.exit(127);
});
child.once('exit', (code, signal) => {
  clearInterval(timer);
  process.exit(code ?? (signal === 'SIGKILL' ? 137 : 143));
});
