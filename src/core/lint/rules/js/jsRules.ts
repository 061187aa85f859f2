/**
 * Every TypeScript / JavaScript / TSX / JSX rule implementation. `registry.ts` spreads this list into `ALL_RULES`.
 */
import type { Rule } from '../../rule.js';
import { awaitInLoop } from './awaitInLoop.js';
import { batchableCalls } from './batchableCalls.js';
import { closureCapturesLoopVar } from './closureCapturesLoopVar.js';
import { discardedIterationComponent } from './discardedIterationComponent.js';
import { invariantInLoop } from './invariantInLoop.js';
import { linearMembershipTest } from './linearMembershipTest.js';
import { manualComprehension } from './manualComprehension.js';
import { manualIndex } from './manualIndex.js';
import { nestedLinearSearch } from './nestedLinearSearch.js';
import { quadraticAccumulation } from './quadraticAccumulation.js';
import { redundantDictKeys } from './redundantDictKeys.js';
import { redundantIndexLookup } from './redundantIndexLookup.js';
import { reimplementedBuiltin } from './reimplementedBuiltin.js';
import { sortForMinMax } from './sortForMinMax.js';
import { stringConcatInLoop } from './stringConcatInLoop.js';
import { tryInLoop } from './tryInLoop.js';
import { unnecessaryMaterialization } from './unnecessaryMaterialization.js';

/** The JS-family rules, in catalogue order. */
export const jsRules: readonly Rule[] = [
  awaitInLoop,
  batchableCalls,
  closureCapturesLoopVar,
  discardedIterationComponent,
  linearMembershipTest,
  manualComprehension,
  manualIndex,
  quadraticAccumulation,
  redundantDictKeys,
  redundantIndexLookup,
  reimplementedBuiltin,
  sortForMinMax,
  stringConcatInLoop,
  tryInLoop,
  unnecessaryMaterialization,
  invariantInLoop,
  nestedLinearSearch,
];
