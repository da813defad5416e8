// The check thread's script (dist/check-thread.js): check-thread.ts.
import { runAsCheckThread } from './check-thread';

runAsCheckThread();
