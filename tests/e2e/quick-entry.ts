/**
 * The board's quick entry, by keyboard only, as an operator on the phone types it: N, the
 * category by pinyin initials, the place by name, then address and description. Leaves the
 * focus in the description (reporter and phone come next with Tab); Ctrl+Enter saves.
 */
import { expect, type Page } from '@playwright/test';

export interface QuickEntry {
  categoryKeys: string;
  categoryName: string;
  place: string;
  placeValue: RegExp;
  address: string;
  description: string;
}

export async function typeQuickEntry(page: Page, entry: QuickEntry): Promise<void> {
  await page.locator('body').click();
  await page.keyboard.press('n');
  await expect(page.getByTestId('intake-dialog')).toBeVisible();
  await expect(page.getByTestId('intake-category')).toBeFocused();
  await page.keyboard.type(entry.categoryKeys);
  await expect(page.getByTestId('intake-category-list')).toContainText(entry.categoryName);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('intake-place')).toBeFocused();
  await page.keyboard.type(entry.place);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-place')).toHaveValue(entry.placeValue);
  await page.getByTestId('intake-address').focus();
  await page.keyboard.type(entry.address);
  await page.keyboard.press('Tab');
  await page.keyboard.type(entry.description);
}
