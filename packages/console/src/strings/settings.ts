export const settingsStrings = {};
