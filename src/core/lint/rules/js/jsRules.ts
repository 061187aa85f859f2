/**
 * Every TypeScript / JavaScript / TSX / JSX rule implementation. `registry.ts` spreads this list into `ALL_RULES`.
 */
import type { Rule } from '../../rule.js';
import { abstractClassMisuse } from './abstractClassMisuse.js';
import { accessBeforeDefinition } from './accessBeforeDefinition.js';
import { attributeOutsideInit } from './attributeOutsideInit.js';
import { awaitInLoop } from './awaitInLoop.js';
import { batchableCalls } from './batchableCalls.js';
import { closureCapturesLoopVar } from './closureCapturesLoopVar.js';
import { constructorChaining } from './constructorChaining.js';
import { deepInheritance } from './deepInheritance.js';
import { discardedIterationComponent } from './discardedIterationComponent.js';
import { godClass } from './godClass.js';
import { invariantInLoop } from './invariantInLoop.js';
import { lazyClass } from './lazyClass.js';
import { linearMembershipTest } from './linearMembershipTest.js';
import { manualComprehension } from './manualComprehension.js';
import { manualIndex } from './manualIndex.js';
import { methodHidden } from './methodHidden.js';
import { methodNotUsingSelf } from './methodNotUsingSelf.js';
import { misdeclaredConstructor } from './misdeclaredConstructor.js';
import { mutableClassAttribute } from './mutableClassAttribute.js';
import { nestedLinearSearch } from './nestedLinearSearch.js';
import { protectedAccess } from './protectedAccess.js';
import { quadraticAccumulation } from './quadraticAccumulation.js';
import { redundantDictKeys } from './redundantDictKeys.js';
import { redundantIndexLookup } from './redundantIndexLookup.js';
import { refusedBequest } from './refusedBequest.js';
import { reimplementedBuiltin } from './reimplementedBuiltin.js';
import { signatureMismatch } from './signatureMismatch.js';
import { sortForMinMax } from './sortForMinMax.js';
import { staticMethodMisuse } from './staticMethodMisuse.js';
import { staticOnlyClass } from './staticOnlyClass.js';
import { stringConcatInLoop } from './stringConcatInLoop.js';
import { subclassBuiltin } from './subclassBuiltin.js';
import { tryInLoop } from './tryInLoop.js';
import { typeSwitch } from './typeSwitch.js';
import { unnecessaryMaterialization } from './unnecessaryMaterialization.js';
import { uselessSuperDelegation } from './uselessSuperDelegation.js';

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
  abstractClassMisuse,
  accessBeforeDefinition,
  attributeOutsideInit,
  constructorChaining,
  deepInheritance,
  godClass,
  lazyClass,
  methodHidden,
  methodNotUsingSelf,
  misdeclaredConstructor,
  mutableClassAttribute,
  protectedAccess,
  signatureMismatch,
  staticMethodMisuse,
  staticOnlyClass,
  subclassBuiltin,
  uselessSuperDelegation,
  typeSwitch,
  refusedBequest,
];
