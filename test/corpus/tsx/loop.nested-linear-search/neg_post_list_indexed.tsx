interface User { id: number; name: string }
interface Post { id: number; authorId: number; title: string }

export function PostListIndexed({ posts, users }: { posts: Post[]; users: User[] }) {
  const byId = new Map(users.map((u) => [u.id, u]));
  return (
    <ul>
      {posts.map((p) => (
        <li key={p.id}>
          {p.title} by {byId.get(p.authorId)?.name}
        </li>
      ))}
    </ul>
  );
}
