/**
 * The one list of every rule implementation, for every language. Adding a rule = import it and list it here.
 * TypeScript/JavaScript rules: `rules/js/jsRules.ts` exports `jsRules: Rule[]`; register them with
 * `import { jsRules } from './rules/js/jsRules.js';` and `...jsRules,` in the array below.
 */
import type { Rule } from './rule.js';
import { pyRedundantDictKeys } from './rules/python/redundantDictKeys.js';
import { pyAwaitInLoop } from './rules/python/awaitInLoop.js';
import { pyBatchableCalls } from './rules/python/batchableCalls.js';
import { pyClosureCapturesLoopVar } from './rules/python/closureCapturesLoopVar.js';
import { pyDiscardedIterationComponent } from './rules/python/discardedIterationComponent.js';
import { pyLinearMembershipTest } from './rules/python/linearMembershipTest.js';
import { pyManualComprehension } from './rules/python/manualComprehension.js';
import { pyManualIndex } from './rules/python/manualIndex.js';
import { pyQuadraticAccumulation } from './rules/python/quadraticAccumulation.js';
import { pyRedundantIndexLookup } from './rules/python/redundantIndexLookup.js';
import { pyReimplementedBuiltin } from './rules/python/reimplementedBuiltin.js';
import { pySortForMinMax } from './rules/python/sortForMinMax.js';
import { pyStringConcatInLoop } from './rules/python/stringConcatInLoop.js';
import { pyTryInLoop } from './rules/python/tryInLoop.js';
import { pyUnnecessaryMaterialization } from './rules/python/unnecessaryMaterialization.js';
import { pyInvariantInLoop } from './rules/python/invariantInLoop.js';
import { pyNestedLinearSearch } from './rules/python/nestedLinearSearch.js';
import { pyAbstractClassMisuse } from './rules/python/abstractClassMisuse.js';
import { pyAccessBeforeDefinition } from './rules/python/accessBeforeDefinition.js';
import { pyAttributeOutsideInit } from './rules/python/attributeOutsideInit.js';
import { pyCachedInstanceMethod } from './rules/python/cachedInstanceMethod.js';
import { pyConstructorChaining } from './rules/python/constructorChaining.js';
import { pyDeepInheritance } from './rules/python/deepInheritance.js';
import { pyEqWithoutHash } from './rules/python/eqWithoutHash.js';
import { pyGodClass } from './rules/python/godClass.js';
import { pyLazyClass } from './rules/python/lazyClass.js';
import { pyMethodHidden } from './rules/python/methodHidden.js';
import { pyMethodNotUsingSelf } from './rules/python/methodNotUsingSelf.js';
import { pyMutableClassAttribute } from './rules/python/mutableClassAttribute.js';
import { pyProtectedAccess } from './rules/python/protectedAccess.js';
import { pySelfReassignment } from './rules/python/selfReassignment.js';
import { pySignatureMismatch } from './rules/python/signatureMismatch.js';
import { pyStaticMethodMisuse } from './rules/python/staticMethodMisuse.js';
import { pyStaticOnlyClass } from './rules/python/staticOnlyClass.js';
import { pySubclassBuiltin } from './rules/python/subclassBuiltin.js';
import { pyUselessSuperDelegation } from './rules/python/uselessSuperDelegation.js';
import { pyTypeSwitch } from './rules/python/typeSwitch.js';
import { pyRefusedBequest } from './rules/python/refusedBequest.js';
import { jsRules } from './rules/js/jsRules.js';

/** Every rule implementation, all languages. */
export const ALL_RULES: readonly Rule[] = [
  pyRedundantDictKeys,
  pyAwaitInLoop,
  pyBatchableCalls,
  pyClosureCapturesLoopVar,
  pyDiscardedIterationComponent,
  pyLinearMembershipTest,
  pyManualComprehension,
  pyManualIndex,
  pyQuadraticAccumulation,
  pyRedundantIndexLookup,
  pyReimplementedBuiltin,
  pySortForMinMax,
  pyStringConcatInLoop,
  pyTryInLoop,
  pyUnnecessaryMaterialization,
  pyInvariantInLoop,
  pyNestedLinearSearch,
  pyAbstractClassMisuse,
  pyAccessBeforeDefinition,
  pyAttributeOutsideInit,
  pyCachedInstanceMethod,
  pyConstructorChaining,
  pyDeepInheritance,
  pyEqWithoutHash,
  pyGodClass,
  pyLazyClass,
  pyMethodHidden,
  pyMethodNotUsingSelf,
  pyMutableClassAttribute,
  pyProtectedAccess,
  pySelfReassignment,
  pySignatureMismatch,
  pyStaticMethodMisuse,
  pyStaticOnlyClass,
  pySubclassBuiltin,
  pyUselessSuperDelegation,
  pyTypeSwitch,
  pyRefusedBequest,
  ...jsRules,
];
