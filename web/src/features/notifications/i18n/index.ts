// This feature's strings load with its chunk (the bell, the pages), not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { notificationsEn } from './en';
import { notificationsKo } from './ko';

export const useNotificationsI18n = featureI18n(notificationsKo, notificationsEn);
