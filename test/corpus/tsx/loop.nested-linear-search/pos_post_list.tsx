interface User { id: number; name: string }
interface Post { id: number; authorId: number; title: string }

export function PostList({ posts, users }: { posts: Post[]; users: User[] }) {
  return (
    <ul>
      {posts.map((p) => (
        <li key={p.id}>
          {p.title} by {users.find((u) => u.id === p.authorId)?.name // expect: loop.nested-linear-search
          }
        </li>
      ))}
    </ul>
  );
}
