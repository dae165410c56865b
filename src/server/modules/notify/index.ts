// What other modules may use from notify: telling the responsible users of something.
export { notifyResponsible } from './notify.service';
export type { NotificationRequest } from './notify.repo';
export { type SmsDispatcher, type SmsGateway, dispatchSms, httpSmsGateway, purgeSentSms, smsParamsAad, smsPhoneAad, startSmsDispatcher } from './sms';
