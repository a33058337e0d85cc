// This feature's strings load with its pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { meetingsEn } from './en';
import { meetingsKo } from './ko';

export const useMeetingsI18n = featureI18n(meetingsKo, meetingsEn);
