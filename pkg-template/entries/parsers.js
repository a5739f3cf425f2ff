// The parse* functions: decode.js reads each body against the models' description (models.js,
// generated from the Rust types), and the first-load module words its errors.
import { __decodeError } from "tango:module";
import models from "tango:models";
import { makeParsers } from "../decode.js";

const parsers = makeParsers(models, { decodeError: __decodeError });
export const parseApiErrorBody = parsers.parseApiErrorBody;
export const parseLineItem = parsers.parseLineItem;
export const parseLineItemListPage = parsers.parseLineItemListPage;
export const parseLineItemResendResult = parsers.parseLineItemResendResult;
export const parseOrder = parsers.parseOrder;
export const parseOrderListPage = parsers.parseOrderListPage;
export const parseOrderResendResult = parsers.parseOrderResendResult;
