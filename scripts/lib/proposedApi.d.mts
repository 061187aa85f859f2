export declare const PROPOSALS: string[];
export declare function stageProposedExtension(dir: string): Promise<string>;
