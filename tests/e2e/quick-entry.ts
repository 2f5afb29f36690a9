/**
 * The board's quick entry, by keyboard only, as an operator on the phone types it: N, the
 * category by pinyin initials (keeping the preselected 立案条件 when the minor has several),
 * the place by name, then address and description. Leaves the focus in the description
 * (reporter and phone come next with Tab); Ctrl+Enter saves.
 */
import { expect, type Page } from '@playwright/test';

export interface QuickEntry {
  categoryKeys: string;
  categoryName: string;
  /** How many 立案条件 the minor offers, when several (the choice comes after the category). */
  conditions?: number;
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
  // A minor with several 立案条件 (the demo's 暴露垃圾 has three) offers them next, the
  // shortest limit preselected: the operator keeps it, and Tab goes on to the place.
  if (entry.conditions !== undefined) {
    const choice = page.getByTestId('intake-standard');
    await expect(choice.locator('label')).toHaveCount(entry.conditions);
    await expect(page.getByTestId('intake-standard-1')).toBeChecked();
    await expect(page.getByTestId('intake-standard-1')).toBeFocused();
    await page.keyboard.press('Tab');
  }
  await expect(page.getByTestId('intake-place')).toBeFocused();
  await page.keyboard.type(entry.place);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-place')).toHaveValue(entry.placeValue);
  await page.getByTestId('intake-address').focus();
  await page.keyboard.type(entry.address);
  await page.keyboard.press('Tab');
  await page.keyboard.type(entry.description);
}
