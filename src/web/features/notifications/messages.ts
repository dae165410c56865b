import { defineMessages } from '../../lib/i18n';

export const m = defineMessages({
  title: { zh: '通知', en: 'Notifications' },
  bell: { zh: '站内通知', en: 'Notifications' },
  unread: { zh: '{n} 条未读', en: '{n} unread' },
  markAll: { zh: '全部已读', en: 'Mark all read' },
  empty: { zh: '暂无通知', en: 'No notifications' },
  failed: { zh: '通知加载失败', en: 'Could not load notifications' },
});
