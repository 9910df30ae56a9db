// The worker thread of folder mode: analyses the workbooks it is sent, one at a time, and answers with
// their CSV rows. Started by folder.ts as ./folderWorker.ts (from the sources, through tsx) or
// ./folderWorker.mjs (beside the bundled command).
import { parentPort } from "node:worker_threads";
import { runFolderJob, type FolderJob } from "./folderJob.ts";

parentPort?.on("message", (job: FolderJob) => {
  void runFolderJob(job).then((result) => parentPort!.postMessage(result));
});
