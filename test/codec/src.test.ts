/** The codec suites against the TypeScript source. */
import { loadSource } from './codec-api.js';
import { defineEncodeErrorTests } from './suites/encode-errors.js';
import { defineFrameStreamTests } from './suites/frame-stream.js';
import { defineGoldenVectorTests } from './suites/golden-vectors.js';
import { defineJsonErrorTests } from './suites/json-errors.js';
import { defineStringInterningTests } from './suites/string-interning.js';

defineGoldenVectorTests('src', loadSource);
defineFrameStreamTests('src', loadSource);
defineEncodeErrorTests('src', loadSource);
defineJsonErrorTests('src', loadSource);
defineStringInterningTests('src', loadSource);
