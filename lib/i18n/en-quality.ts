/** English strings of call quality: the indicator on the call screen and the figures in Recent. */
export const enQuality = {
  'quality.good': 'good',
  'quality.fair': 'fair',
  'quality.poor': 'poor',
  'quality.summary': 'Call quality: {0} — {1} % packets lost',
  'quality.figures': 'Estimated MOS {0} · {1} % packets lost · jitter {2} ms · round trip {3} ms',
  'quality.losing': 'Your connection is losing audio.',
  'quality.noAudio': 'No audio from the other side: check the PBX or TURN settings.',
  'recent.quality': 'Audio {0}: MOS {1} (worst {2}), {3} % lost, jitter {4} ms',
} as const;
