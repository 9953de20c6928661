// Preloaded into the server's Node processes (NODE_OPTIONS=--import) by `bench:http --cpu-prof
// <dir>`: Node 20 refuses --cpu-prof in NODE_OPTIONS, so this starts V8's profiler through the
// inspector and writes <dir>/CPU.<pid>.<process title>.cpuprofile when the process exits.
import fs from "node:fs";
import path from "node:path";
import { Session } from "node:inspector";

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  // A same-thread inspector session answers synchronously, so this completes inside "exit".
  process.on("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      fs.mkdirSync(dir, { recursive: true });
      const name = `CPU.${process.pid}.${process.title.replace(/[^\w.-]+/g, "-")}.cpuprofile`;
      fs.writeFileSync(path.join(dir, name), JSON.stringify(result.profile));
    });
  });
}
