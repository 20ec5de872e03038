export const previewStrings = {};
