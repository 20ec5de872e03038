export const assistantsStrings = {
  page: { title: "Customer Assist", assistantsTab: "Assistants", rulesTab: "Rules" },
};
