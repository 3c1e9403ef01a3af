/** Short names for the API's schema types (generated into schema.d.ts from the OpenAPI document). */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Product = Schemas['Product'];
export type ProductPage = Schemas['ProductPage'];
export type ProductInput = Schemas['ProductInput'];
export type ProductStatus = Schemas['ProductStatus'];
export type Category = Schemas['Category'];
export type Review = Schemas['Review'];
export type ReviewPage = Schemas['ReviewPage'];
export type Cart = Schemas['Cart'];
export type CartItem = Schemas['CartItem'];
export type Totals = Schemas['Totals'];
export type DeliveryMethod = Schemas['DeliveryMethod'];
export type DeliveryMethods = Schemas['DeliveryMethods'];
export type TaxLine = Schemas['TaxLine'];
export type ShopInfo = Schemas['ShopInfo'];
export type CategoryPatch = Schemas['CategoryPatch'];
export type Order = Schemas['Order'];
export type SalesOverview = Schemas['SalesOverview'];
export type SalesFigures = Schemas['SalesFigures'];
export type OrderLine = Schemas['OrderLine'];
export type OrderPage = Schemas['OrderPage'];
export type OrderStatus = Schemas['OrderStatus'];
export type StatusChange = Schemas['StatusChange'];
export type Payment = Schemas['Payment'];
export type Profile = Schemas['Profile'];
export type Role = Schemas['Role'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditAction = AuditEntry['action'];
export type Address = Schemas['Address'];
export type StockLevel = Schemas['StockLevel'];
export type Campaign = Schemas['Campaign'];
export type SessionTokens = Schemas['SessionTokens'];
