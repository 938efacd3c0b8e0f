/** Meta's wire format for a server event, as POSTed to `/{pixel}/events` (spec sections 2 to 4). */

export const ACTION_SOURCES = [
  'email',
  'website',
  'app',
  'phone_call',
  'chat',
  'physical_store',
  'system_generated',
  'business_messaging',
  'other',
] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

/** user_data keys Meta requires hashed (SHA-256, lowercase hex). */
export const HASHED_FIELDS = ['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country', 'external_id'] as const;
export type HashedField = (typeof HASHED_FIELDS)[number];

/** user_data keys Meta requires in clear text: never hashed. */
export const PLAIN_FIELDS = ['client_ip_address', 'client_user_agent', 'fbc', 'fbp'] as const;
export type PlainField = (typeof PLAIN_FIELDS)[number];

export type UserDataField = HashedField | PlainField;

/** user_data as sent: hashed keys carry deduplicated hash lists, plain keys a single string. */
export type WireUserData = Partial<Record<HashedField, string[]>> & Partial<Record<PlainField, string>>;

export interface Content {
  id: string;
  quantity: number;
  item_price?: number;
}

export interface CustomData {
  value?: number;
  currency?: string;
  content_ids?: string[];
  contents?: Content[];
  content_type?: 'product' | 'product_group';
  num_items?: number;
  order_id?: string;
}

export interface ServerEvent {
  event_name: string;
  /** Unix seconds. */
  event_time: number;
  event_id: string;
  action_source: ActionSource;
  event_source_url?: string;
  referrer_url?: string;
  user_data: WireUserData;
  custom_data?: CustomData;
  opt_out?: boolean;
  data_processing_options?: string[];
  data_processing_options_country?: number;
  data_processing_options_state?: number;
}
