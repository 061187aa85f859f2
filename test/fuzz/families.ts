/** Every registered fuzz family. Other areas add theirs here (hook payloads, OTLP bodies, collector requests). */
import type { FuzzFamily } from './registry.js';
import { cliArgs } from './families/cliArgs.js';
import { lintSources } from './families/lintSources.js';
import { protocolMessages } from './families/protocol.js';
import { settings } from './families/settings.js';
import { storeLines } from './families/storeLines.js';
import { storePartitions } from './families/storePartitions.js';
import { storeTruncation } from './families/storeTruncation.js';

export const FAMILIES: FuzzFamily<never>[] = [storeLines, storePartitions, storeTruncation, protocolMessages, settings, cliArgs, lintSources] as FuzzFamily<never>[];
