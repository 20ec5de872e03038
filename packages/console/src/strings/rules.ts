export const rulesStrings = {};
