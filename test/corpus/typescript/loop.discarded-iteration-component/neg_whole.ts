// The whole entry is used.
export function whole(config: Record<string, number>) {
  for (const entry of Object.entries(config)) {
    console.log(entry);
  }
}
