import "@testing-library/jest-dom/vitest";
import { setupI18n } from "../lib/i18n";

setupI18n("en");
