/** How much of each kind an organization may have; going over answers 422 naming the limit. */
export const dataLimits = {
  brands: 100,
  teams: 500,
  customKlasses: 100,
  attributesPerKlass: 200,
  businessSchedules: 100,
  snippets: 2000,
} as const;
