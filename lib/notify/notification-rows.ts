import type { NotificationDto } from "@/lib/schemas/notifications";

export interface NotificationRow {
  id: string;
  channel_id: string;
  channel_kind: string;
  channel_name: string;
  kind: NotificationDto["kind"];
  subject: string;
  title: string;
  severity: number;
  status: NotificationDto["status"];
  payload: unknown;
  response: string | null;
  error: string | null;
  created_at: Date;
}

/** Every notification with the channel it was decided for (its kind and the name people gave it). */
export const NOTIFICATION_COLUMNS = "n.*, c.kind AS channel_kind, c.name AS channel_name";
export const NOTIFICATION_FROM = "notifications n JOIN notification_channels c ON c.id = n.channel_id";
export const NOTIFICATION_SELECT = `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATION_FROM}`;

export const toNotificationDto = (r: NotificationRow): NotificationDto => ({
  id: Number(r.id),
  channelId: r.channel_id,
  channelKind: r.channel_kind,
  channelName: r.channel_name,
  kind: r.kind,
  subject: r.subject,
  title: r.title,
  severity: r.severity,
  status: r.status,
  payload: r.payload,
  response: r.response,
  error: r.error,
  createdAt: new Date(r.created_at).toISOString(),
});
