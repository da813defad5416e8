// One contender in a fresh process: `node --expose-gc .bench/isolated.js NAME ROOT SAMPLES`
// prints the wall times (ms) of SAMPLES runs after two warm-up runs, a collection before each.
import { CONTENDERS, makeContender, type Contender } from './contenders';
import { interleavedSamples } from './measure';

const [name, root, samples] = process.argv.slice(2);
if (!(CONTENDERS as readonly string[]).includes(name)) throw new Error(`unknown contender ${name}`);
// A failure is an unhandled rejection: the process exits with its stack.
void makeContender(name as Contender, root)
  .then((run) => interleavedSamples({ [name]: run }, Number(samples), 2, 'wall'))
  .then((times) => console.log(JSON.stringify(times[name])));
