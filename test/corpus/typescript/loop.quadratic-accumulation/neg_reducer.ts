// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

// Immutable state update outside a loop (reducer pattern).
export function reducer(state: { ids: string[] }, action: { id: string }) {
  return { ...state, ids: [...state.ids, action.id] };
}
