import { Image } from 'antd';
import { useT } from '../../../i18n/useT';

type Props = {
  photos: readonly { id: string; fileName: string }[];
  /** Where a photo is fetched from: the signed-in project route, or the portal's public one. */
  srcOf: (photoId: string) => string;
  size?: number;
};

/** Photos of a report or an inspection as thumbnails; a click shows them large, one after another. */
export function PhotoGallery({ photos, srcOf, size = 88 }: Props) {
  const t = useT();
  if (photos.length === 0) return null;
  return (
    <div className="tx-photo-strip" data-testid="photos">
      <Image.PreviewGroup>
        {photos.map((photo) => (
          <Image
            key={photo.id}
            src={srcOf(photo.id)}
            alt={photo.fileName}
            title={photo.fileName}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            preview={{ mask: t('projects.photo.view') }}
            data-testid="photo"
          />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
