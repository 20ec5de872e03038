import type { VolumeControl } from "@parley/model";
import { useDraftEditor } from "../editor/draft-editor.tsx";

export const volumeControlPointer = "/settings/volumeControl";

/** Changes one part of the working copy's volume control. */
export function useVolumeControlUpdate() {
  const { update } = useDraftEditor();
  return (recipe: (volumeControl: VolumeControl) => void) =>
    update((draft) => recipe(draft.settings.volumeControl));
}
