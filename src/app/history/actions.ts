/**
 * The playback bar's and the views' actions (module-level, as the store's other actions): each
 * moves the controller and publishes the result to the store at once.
 */

import { useAppStore } from "../store/index.ts";
import type { FlowFilter, InsightTab } from "../store/playbackSlice.ts";
import { playback, publishPlayback } from "./service.ts";

function act(fn: () => void): void {
  fn();
  publishPlayback();
}

export const playOrPause = (): void => act(() => playback.toggle());
export const play = (): void => act(() => playback.play());
export const pause = (): void => act(() => playback.pause());
export const stepForward = (): void => act(() => playback.step());
export const stepBack = (): void => act(() => playback.stepBack());
export const scrubTo = (cursor: number): void => act(() => playback.scrubTo(cursor));
export const goLive = (): void => act(() => playback.goLive());
export const setPlaybackSpeed = (speed: number): void => act(() => playback.setSpeed(speed));

/** Selects a bio for the inspector (null: none), and shows the inspector. */
export function selectBio(bio: number | null): void {
  useAppStore.setState(
    bio === null ? { selectedBio: null } : { selectedBio: bio, insightTab: "inspector" },
  );
}

export function setFlowFilter(flowFilter: FlowFilter | null): void {
  useAppStore.setState({ flowFilter });
}

export function setInsightTab(insightTab: InsightTab): void {
  useAppStore.setState({ insightTab });
}
