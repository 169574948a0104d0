export function deeplyNested(levels: number): string;
export function deeplyNestedExpression(levels: number): string;
export function largeModule(bytes: number): string;
