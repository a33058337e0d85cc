// This feature's strings load with its pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { collaborationsEn } from './en';
import { collaborationsKo } from './ko';

export const useCollaborationsI18n = featureI18n(collaborationsKo, collaborationsEn);
