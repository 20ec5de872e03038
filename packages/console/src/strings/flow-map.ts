export const flowMapStrings = {};
