export const versionsStrings = {};
