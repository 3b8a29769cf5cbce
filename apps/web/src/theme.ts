import type { ThemeConfig } from 'antd';

/** A calm institutional blue for actions; the brand red is kept for the mark. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a5fb4',
    colorInfo: '#1a5fb4',
    colorLink: '#1a5fb4',
    borderRadius: 6,
    colorBgLayout: '#f2f4f7',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: { itemBorderRadius: 6, itemMarginInline: 8 },
    Tree: { titleHeight: 28 },
  },
};
