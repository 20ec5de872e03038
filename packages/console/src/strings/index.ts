/**
 * Every word the console shows, in one folder so it can be translated later: one file per area,
 * gathered here. Labels follow the spec's words (spec 11 must be followable click for click).
 */
import { assistantsStrings } from "./assistants.ts";
import { commonStrings } from "./common.ts";
import { editorStrings } from "./editor.ts";
import { flowMapStrings } from "./flow-map.ts";
import { interactionsStrings } from "./interactions.ts";
import { previewStrings } from "./preview.ts";
import { rulesStrings } from "./rules.ts";
import { settingsStrings } from "./settings.ts";
import { versionsStrings } from "./versions.ts";

export const strings = {
  common: commonStrings,
  assistants: assistantsStrings,
  editor: editorStrings,
  flowMap: flowMapStrings,
  interactions: interactionsStrings,
  preview: previewStrings,
  rules: rulesStrings,
  settings: settingsStrings,
  versions: versionsStrings,
};
